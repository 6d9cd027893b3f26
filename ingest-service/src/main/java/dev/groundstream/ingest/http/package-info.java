/**
 * The Vert.x HTTP layer: routes, API-key authentication, per-tenant rate limit, body reading,
 * JSON errors and metrics. Input validation and Kafka writes live in
 * {@link dev.groundstream.ingest.requests}; image handling in {@link dev.groundstream.ingest.images}.
 * See docs/http-api.md.
 */
package dev.groundstream.ingest.http;
