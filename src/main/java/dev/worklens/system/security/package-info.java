/** Who is signed in, for the team and Slack sign-in. */
@NamedInterface("security")
package dev.worklens.system.security;

import org.springframework.modulith.NamedInterface;
