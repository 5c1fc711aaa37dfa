/** The API's error answers, which every module's controllers throw. */
@NamedInterface("web")
package dev.worklens.system.web;

import org.springframework.modulith.NamedInterface;
