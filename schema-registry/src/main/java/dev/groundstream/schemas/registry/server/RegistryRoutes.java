package dev.groundstream.schemas.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST protocol over {@link SchemaRegistryService}: every answer is
 * 200 (never 201) with Content-Type {@value #CONTENT_TYPE}, every error is
 * {@code {"error_code":N,"message":"..."}}. Request bodies are read as JSON whatever their declared
 * Content-Type, and any Accept header is served, as Confluent's clients expect.
 */
final class RegistryRoutes {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Logger LOG = LoggerFactory.getLogger(RegistryRoutes.class);
  private static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  private final Vertx vertx;
  private final SchemaRegistryService service;
  private final RegistrySettings settings;
  private final ObjectMapper json = new ObjectMapper();

  /** A plain-text answer: the schema itself rather than a JSON document about it. */
  private record RawText(String text) {}

  RegistryRoutes(Vertx vertx, SchemaRegistryService service, RegistrySettings settings) {
    this.vertx = vertx;
    this.service = service;
    this.settings = settings;
  }

  Router router() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));

    router.get("/").handler(answer(ctx -> () -> Map.of()));
    router.get("/health").handler(this::health);
    router.get("/schemas/types").handler(answer(ctx -> () -> List.of("AVRO")));
    router.get("/schemas/ids/:id").handler(answer(this::schemaById));
    router.get("/schemas/ids/:id/schema").handler(answer(this::rawSchemaById));
    router.get("/schemas/ids/:id/versions").handler(answer(this::versionsOfId));
    router.get("/schemas/ids/:id/subjects").handler(answer(this::subjectsOfId));

    router.get("/subjects").handler(answer(this::subjects));
    router.post("/subjects/:subject/versions").handler(answer(this::register));
    router.get("/subjects/:subject/versions").handler(answer(this::versions));
    router.get("/subjects/:subject/versions/:version").handler(answer(this::version));
    router.get("/subjects/:subject/versions/:version/schema").handler(answer(this::rawVersion));
    router.delete("/subjects/:subject/versions/:version").handler(answer(this::deleteVersion));
    router.post("/subjects/:subject").handler(answer(this::lookup));
    router.delete("/subjects/:subject").handler(answer(this::deleteSubject));

    router.post("/compatibility/subjects/:subject/versions").handler(answer(this::compatibility));
    router.post("/compatibility/subjects/:subject/versions/:version")
        .handler(answer(this::compatibility));

    SettingsRoutes.add(router, this, settings, json);

    router.get("/contexts").handler(answer(ctx -> () -> List.of(".")));
    router.get("/schemas").handler(answer(this::listSchemas));
    router.get("/schemas/guids/:guid").handler(answer(ctx -> {
      String guid = ctx.pathParam("guid");
      return () -> {
        throw new RegistryException(40403, "Schema " + guid + " not found (this registry"
            + " assigns no guids; look schemas up by id)");
      };
    }));
    router.get("/subjects/:subject/metadata").handler(answer(this::latestWithMetadata));
    router.get("/subjects/:subject/versions/:version/referencedby")
        .handler(answer(this::referencedBy));

    router.errorHandler(404, ctx -> sendError(ctx, new RegistryException(404,
        "HTTP 404 Not Found")));
    router.errorHandler(405, ctx -> sendError(ctx, new RegistryException(405,
        "HTTP 405 Method Not Allowed")));
    router.errorHandler(413, ctx -> sendError(ctx, new RegistryException(413,
        "Request body too large")));
    router.errorHandler(500, ctx -> sendError(ctx, ctx.failure()));
    return router;
  }

  // ---- handlers: each reads the request on the event loop and returns the blocking work

  private Callable<Object> schemaById(RoutingContext ctx) {
    int id = id(ctx);
    // "subject" only selects a context in Confluent; this registry has one context.
    boolean fetchMaxId = flag(ctx, "fetchMaxId");
    return () -> {
      Map<String, Object> body = new LinkedHashMap<>();
      StoredSchema stored = service.schemaById(id);
      body.put("schema", stored.schema());
      stored.extras().addTo(body);
      if (fetchMaxId) {
        body.put("maxId", service.maxId());
      }
      return body;
    };
  }

  private Callable<Object> rawSchemaById(RoutingContext ctx) {
    int id = id(ctx);
    return () -> new RawText(service.schemaById(id).schema());
  }

  private Callable<Object> versionsOfId(RoutingContext ctx) {
    int id = id(ctx);
    boolean deleted = flag(ctx, "deleted");
    return () -> service.versionsOfId(id, deleted).stream()
        .map(v -> {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("subject", v.subject());
          entry.put("version", v.version());
          return entry;
        })
        .toList();
  }

  private Callable<Object> subjectsOfId(RoutingContext ctx) {
    int id = id(ctx);
    boolean deleted = flag(ctx, "deleted");
    return () -> service.versionsOfId(id, deleted).stream()
        .map(SubjectVersion::subject).distinct().toList();
  }

  private Callable<Object> subjects(RoutingContext ctx) {
    String prefix = param(ctx, "subjectPrefix");
    // ":*:" is Confluent's "every subject of the default context".
    String effectivePrefix = ":*:".equals(prefix) ? null : prefix;
    boolean deleted = flag(ctx, "deleted");
    boolean deletedOnly = flag(ctx, "deletedOnly");
    return () -> service.subjects(effectivePrefix, deleted, deletedOnly);
  }

  private Callable<Object> register(RoutingContext ctx) {
    String subject = subject(ctx);
    SchemaRequest request = SchemaRequest.parse(json, ctx.body().asString());
    // "normalize" is accepted: stored schemas are always Avro's canonical form (AvroSchemas).
    return () -> Map.of("id", service.register(subject, request));
  }

  private Callable<Object> lookup(RoutingContext ctx) {
    String subject = subject(ctx);
    SchemaRequest request = SchemaRequest.parse(json, ctx.body().asString());
    boolean deleted = flag(ctx, "deleted");
    return () -> describe(service.lookup(subject, request, deleted));
  }

  private Callable<Object> versions(RoutingContext ctx) {
    String subject = subject(ctx);
    boolean deleted = flag(ctx, "deleted");
    boolean deletedOnly = flag(ctx, "deletedOnly");
    return () -> service.versions(subject, deleted, deletedOnly);
  }

  private Callable<Object> version(RoutingContext ctx) {
    String subject = subject(ctx);
    VersionRef ref = VersionRef.parse(ctx.pathParam("version"));
    boolean deleted = flag(ctx, "deleted");
    return () -> describe(service.version(subject, ref, deleted));
  }

  private Callable<Object> rawVersion(RoutingContext ctx) {
    String subject = subject(ctx);
    VersionRef ref = VersionRef.parse(ctx.pathParam("version"));
    boolean deleted = flag(ctx, "deleted");
    return () -> new RawText(service.version(subject, ref, deleted).schema());
  }

  private Callable<Object> deleteVersion(RoutingContext ctx) {
    String subject = subject(ctx);
    VersionRef ref = VersionRef.parse(ctx.pathParam("version"));
    boolean permanent = flag(ctx, "permanent");
    return () -> service.deleteVersion(subject, ref, permanent);
  }

  private Callable<Object> deleteSubject(RoutingContext ctx) {
    String subject = subject(ctx);
    boolean permanent = flag(ctx, "permanent");
    return () -> service.deleteSubject(subject, permanent);
  }

  private Callable<Object> compatibility(RoutingContext ctx) {
    String subject = subject(ctx);
    String versionText = ctx.pathParam("version");
    VersionRef ref = versionText == null ? null : VersionRef.parse(versionText);
    SchemaRequest request = SchemaRequest.parse(json, ctx.body().asString());
    boolean verbose = flag(ctx, "verbose");
    return () -> {
      List<String> problems = service.incompatibilities(subject, ref, request);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("is_compatible", problems.isEmpty());
      if (verbose) {
        body.put("messages", problems);
      }
      return body;
    };
  }

  private Callable<Object> listSchemas(RoutingContext ctx) {
    String prefix = param(ctx, "subjectPrefix");
    boolean deleted = flag(ctx, "deleted");
    boolean latestOnly = flag(ctx, "latestOnly");
    int offset = intParam(ctx, "offset", 0);
    int limit = intParam(ctx, "limit", -1);
    return () -> service.listSchemas(prefix, deleted, latestOnly, offset, limit).stream()
        .map(RegistryRoutes::describe).toList();
  }

  private Callable<Object> latestWithMetadata(RoutingContext ctx) {
    String subject = subject(ctx);
    List<String> keys = ctx.queryParam("key");
    List<String> values = ctx.queryParam("value");
    if (keys.size() != values.size()) {
      throw RegistryException.badRequest("Every metadata key needs a value");
    }
    Map<String, String> wanted = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      wanted.put(keys.get(i), values.get(i));
    }
    boolean deleted = flag(ctx, "deleted");
    return () -> describe(service.latestWithMetadata(subject, wanted, deleted));
  }

  private Callable<Object> referencedBy(RoutingContext ctx) {
    String subject = subject(ctx);
    VersionRef ref = VersionRef.parse(ctx.pathParam("version"));
    return () -> service.referencedBy(subject, ref);
  }

  private void health(RoutingContext ctx) {
    boolean healthy = service.isHealthy();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", healthy ? "UP" : "DOWN");
    body.put("appliedOffset", service.appliedPosition());
    send(ctx, healthy ? 200 : 503, body);
  }

  // ---- plumbing

  Handler<RoutingContext> answer(Function<RoutingContext, Callable<Object>> action) {
    return ctx -> {
      Callable<Object> work;
      try {
        work = action.apply(ctx);
      } catch (RuntimeException e) {
        sendError(ctx, e);
        return;
      }
      // Unordered: a write waiting for the topic must not hold up unrelated requests.
      vertx.executeBlocking(work, false).onComplete(result -> {
        if (result.succeeded()) {
          send(ctx, 200, result.result());
        } else {
          sendError(ctx, result.cause());
        }
      });
    };
  }

  private void send(RoutingContext ctx, int status, Object body) {
    if (ctx.response().ended()) {
      return;
    }
    String text;
    if (body instanceof RawText raw) {
      text = raw.text();
    } else {
      try {
        text = json.writeValueAsString(body);
      } catch (JsonProcessingException e) {
        sendError(ctx, e);
        return;
      }
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).end(text);
  }

  private void sendError(RoutingContext ctx, Throwable failure) {
    RegistryException error;
    if (failure instanceof RegistryException registryException) {
      error = registryException;
    } else {
      LOG.error("Unexpected failure serving {} {}", ctx.request().method(), ctx.request().path(),
          failure);
      error = new RegistryException(500, "Internal server error: " + failure);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", error.errorCode());
    body.put("message", error.getMessage());
    send(ctx, error.httpStatus(), body);
  }

  private static Map<String, Object> describe(SubjectVersion version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", version.subject());
    body.put("version", version.version());
    body.put("id", version.id());
    body.put("schema", version.schema());
    version.extras().addTo(body);
    return body;
  }

  static String subject(RoutingContext ctx) {
    return ctx.pathParam("subject");
  }

  private static int id(RoutingContext ctx) {
    String text = ctx.pathParam("id");
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new RegistryException(40403, "Schema " + text + " not found");
    }
  }

  /** An empty value (for example {@code subject=}) counts as absent, as in Confluent. */
  private static String param(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.isEmpty() || values.get(0).isEmpty()) {
      return null;
    }
    return values.get(0);
  }

  private static int intParam(RoutingContext ctx, String name, int otherwise) {
    String text = param(ctx, name);
    if (text == null) {
      return otherwise;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw RegistryException.badRequest(name + " must be an integer, not " + text);
    }
  }

  static boolean flag(RoutingContext ctx, String name) {
    return "true".equalsIgnoreCase(param(ctx, name));
  }
}
