/** Database helpers every module's SQL uses: UTC times and the dialect's upsert. */
@NamedInterface("db")
package dev.worklens.system.db;

import org.springframework.modulith.NamedInterface;
