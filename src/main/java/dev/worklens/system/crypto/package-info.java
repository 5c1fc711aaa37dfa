/** Encryption of stored tokens. */
@NamedInterface("crypto")
package dev.worklens.system.crypto;

import org.springframework.modulith.NamedInterface;
