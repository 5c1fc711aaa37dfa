package dev.worklens.github.fake;

import java.io.IOException;

/** Answers leave at once: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms to each one. */
final class NoDelaySockets extends javax.net.ServerSocketFactory {
    @Override
    public java.net.ServerSocket createServerSocket() throws IOException {
        return new java.net.ServerSocket() {
            @Override
            public java.net.Socket accept() throws IOException {
                java.net.Socket socket = new java.net.Socket();
                implAccept(socket);
                socket.setTcpNoDelay(true);
                return socket;
            }
        };
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address)
            throws IOException {
        throw new UnsupportedOperationException();
    }
}
