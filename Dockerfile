# One image for every creator-archiver process; docker-compose.yml picks the process per service.
#   docker build -t creator-archiver .
#   docker run --rm creator-archiver                      prints the processes it can run
#   docker run --rm creator-archiver orchestrator --help
# Build arguments:
#   YT_DLP_VERSION  a yt-dlp release to pin (e.g. 2026.11.11); empty = the newest on PyPI when the layer is built
#                   (rebuild with --no-cache, or change this, to pick up a newer one: YouTube breaks old ones)
#   DENO_IMAGE      where the deno binary comes from: yt-dlp needs a JavaScript runtime for YouTube
#   JAVA_VERSION    Temurin feature release for both stages (21 or newer)

ARG JAVA_VERSION=21
ARG DENO_IMAGE=denoland/deno:bin

FROM ${DENO_IMAGE} AS deno

# ---- build: the project's Maven wrapper on a full JDK ---------------------------------------------------------
FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
WORKDIR /src
# The wrapper and the poms come first, so the dependency layer is rebuilt only when a pom changes.
# A new module needs its pom listed here.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY common/pom.xml common/
COPY orchestrator/pom.xml orchestrator/
COPY worker-phase1/pom.xml worker-phase1/
COPY worker-phase2/pom.xml worker-phase2/
COPY worker-phase3/pom.xml worker-phase3/
COPY worker-phase4/pom.xml worker-phase4/
COPY all-in-one/pom.xml all-in-one/
COPY e2e/pom.xml e2e/
RUN ./mvnw -B -ntp dependency:go-offline
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

# ---- runtime: JRE, ffmpeg, a current yt-dlp, the process jars ---------------------------------------------
FROM eclipse-temurin:${JAVA_VERSION}-jre AS runtime
ARG YT_DLP_VERSION=

RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates curl ffmpeg python3 python3-venv \
 && rm -rf /var/lib/apt/lists/*

# yt-dlp from PyPI rather than the distribution's package, which lags behind YouTube's changes.
# [default] brings yt-dlp-ejs, the scripts it runs in deno to solve YouTube's JavaScript challenges.
RUN python3 -m venv /opt/yt-dlp \
 && /opt/yt-dlp/bin/pip install --no-cache-dir "yt-dlp[default]${YT_DLP_VERSION:+==$YT_DLP_VERSION}" \
 && ln -s /opt/yt-dlp/bin/yt-dlp /usr/local/bin/yt-dlp \
 && yt-dlp --version
COPY --from=deno /deno /usr/local/bin/deno

# A fixed uid, so that a host directory mounted as MEDIA_DIR can be given to it (chown 10001:10001 DIR).
# /media is created here and owned by that user: a new named volume copies that ownership.
RUN groupadd --system --gid 10001 archiver \
 && useradd --system --uid 10001 --gid archiver --create-home --home-dir /home/archiver archiver \
 && mkdir -p /media \
 && chown archiver:archiver /media

WORKDIR /app
COPY --from=build /src/orchestrator/target/orchestrator.jar \
                  /src/worker-phase1/target/worker-phase1.jar \
                  /src/worker-phase2/target/worker-phase2.jar \
                  /src/worker-phase3/target/worker-phase3.jar \
                  /src/worker-phase4/target/worker-phase4.jar \
                  /src/all-in-one/target/all-in-one.jar \
                  /app/
COPY docker/entrypoint.sh /usr/local/bin/archiver

ENV MEDIA_DIR=/media \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
VOLUME ["/media"]
USER archiver
EXPOSE 8080
ENTRYPOINT ["archiver"]
CMD ["help"]
