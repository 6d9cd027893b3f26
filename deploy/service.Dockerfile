# One image recipe for every GroundStream service (ingest, worker, eval); docker-compose.yml passes
# the module, its main class and its port. Build from the repository root, e.g.
#   docker build -f deploy/service.Dockerfile --build-arg MODULE=eval-service \
#     --build-arg MAIN_CLASS=dev.groundstream.eval.EvalServiceMain --build-arg PORT=8083 .
# The worker's GPU image also passes MAVEN_PROFILES=gpu and a CUDA 12 + cuDNN 9 RUNTIME_IMAGE, so
# ONNX Runtime's CUDA build (onnxruntime_gpu) runs on the reserved GPU.
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre
FROM maven:3.9.9-eclipse-temurin-17 AS build
ARG MODULE
ARG MAVEN_PROFILES=
WORKDIR /src
COPY . .
RUN test -n "$MODULE" \
 && mvn -B -ntp -DskipTests ${MAVEN_PROFILES:+-P$MAVEN_PROFILES} -pl "$MODULE" -am install \
 && mvn -B -ntp ${MAVEN_PROFILES:+-P$MAVEN_PROFILES} -pl "$MODULE" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib \
 && cp "$MODULE"/target/groundstream-"$MODULE"-*.jar /out/app.jar \
 && mkdir -p /out/models && cp -r models/. /out/models/

FROM ${RUNTIME_IMAGE}
ARG MAIN_CLASS
ARG PORT
# The CUDA base image has no Java; on the Temurin one the install is skipped.
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && (command -v java >/dev/null || apt-get install -y --no-install-recommends openjdk-17-jre-headless) \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --create-home --home-dir /app groundstream
WORKDIR /app
COPY --from=build /out/ /app/
USER groundstream
ENV GROUNDSTREAM_MAIN_CLASS=${MAIN_CLASS} \
    GROUNDSTREAM_SERVICE_PORT=${PORT}
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=12 \
  CMD curl -fsS http://127.0.0.1:${GROUNDSTREAM_SERVICE_PORT}/health || exit 1
ENTRYPOINT ["sh", "-c", "exec java -XX:MaxRAMPercentage=75 -cp '/app/app.jar:/app/lib/*' \"$GROUNDSTREAM_MAIN_CLASS\""]
