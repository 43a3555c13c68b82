# Sourced by the bench scripts that need the database and Redis (it is not a script of its own): the JDK,
# PostgreSQL and Redis up, and the database (archiver_bench, created if missing) and Redis db (14) every bench uses
# unless BENCH_DATABASE_URL / BENCH_REDIS_URL choose others. Expects $root, the checkout.
# shellcheck source=../bin/jdk.sh
. "$root/bin/jdk.sh"
ENSURE_DB_NAME=archiver_bench "$root/bin/ensure-services" >/dev/null
export DATABASE_URL="${BENCH_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/archiver_bench}"
export DATABASE_USER="${DATABASE_USER:-archiver}" DATABASE_PASSWORD="${DATABASE_PASSWORD:-archiver}"
export REDIS_URL="${BENCH_REDIS_URL:-redis://127.0.0.1:6379/14}"
