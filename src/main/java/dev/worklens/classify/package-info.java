/** Work classification (Claude or offline) and per-member insights. */
package dev.worklens.classify;
