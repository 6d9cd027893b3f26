package dev.groundstream.schemas.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import java.util.Map;

/** The {@code /config} and {@code /mode} routes, global and per subject. */
final class SettingsRoutes {
  private SettingsRoutes() {}

  static void add(Router router, RegistryRoutes routes, RegistrySettings settings,
      ObjectMapper json) {
    router.get("/config").handler(routes.answer(ctx -> () -> settings.config(null, false)));
    router.put("/config").handler(routes.answer(ctx -> {
      JsonNode request = JsonBodies.object(json, ctx.body().asString());
      return () -> settings.updateConfig(null, request);
    }));
    router.delete("/config").handler(routes.answer(ctx -> () -> settings.deleteConfig(null)));
    router.get("/config/:subject").handler(routes.answer(ctx -> {
      String subject = RegistryRoutes.subject(ctx);
      boolean defaultToGlobal = RegistryRoutes.flag(ctx, "defaultToGlobal");
      return () -> settings.config(subject, defaultToGlobal);
    }));
    router.put("/config/:subject").handler(routes.answer(ctx -> {
      String subject = RegistryRoutes.subject(ctx);
      JsonNode request = JsonBodies.object(json, ctx.body().asString());
      return () -> settings.updateConfig(subject, request);
    }));
    router.delete("/config/:subject").handler(routes.answer(ctx -> {
      String subject = RegistryRoutes.subject(ctx);
      return () -> settings.deleteConfig(subject);
    }));

    router.get("/mode").handler(routes.answer(ctx -> () -> mode(settings.mode(null, false))));
    router.put("/mode").handler(routes.answer(ctx -> setMode(ctx, null, settings, json)));
    router.delete("/mode").handler(routes.answer(ctx -> () -> mode(settings.deleteMode(null))));
    router.get("/mode/:subject").handler(routes.answer(ctx -> {
      String subject = RegistryRoutes.subject(ctx);
      boolean defaultToGlobal = RegistryRoutes.flag(ctx, "defaultToGlobal");
      return () -> mode(settings.mode(subject, defaultToGlobal));
    }));
    router.put("/mode/:subject").handler(routes.answer(ctx ->
        setMode(ctx, RegistryRoutes.subject(ctx), settings, json)));
    router.delete("/mode/:subject").handler(routes.answer(ctx -> {
      String subject = RegistryRoutes.subject(ctx);
      return () -> mode(settings.deleteMode(subject));
    }));
  }

  private static java.util.concurrent.Callable<Object> setMode(
      io.vertx.ext.web.RoutingContext ctx, String subject, RegistrySettings settings,
      ObjectMapper json) {
    JsonNode request = JsonBodies.object(json, ctx.body().asString());
    JsonNode requested = request.get("mode");
    Mode mode = Mode.parse(requested == null || requested.isNull() ? null : requested.asText());
    boolean force = RegistryRoutes.flag(ctx, "force");
    return () -> mode(settings.setMode(subject, mode, force));
  }

  private static Map<String, Object> mode(Mode mode) {
    return Map.of("mode", mode.name());
  }
}
