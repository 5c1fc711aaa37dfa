package dev.worklens.system.web;

/** The one error shape of the JSON API. */
public record ApiError(String error, String message) {}
