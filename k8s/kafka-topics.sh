#!/usr/bin/env bash
# Creates memory-graph's Kafka topics with spec §5.1's settings (the three source topics) and ours
# (the topics the jobs write). Idempotent (--if-not-exists). Run where the Kafka CLI is, e.g.
#   BOOTSTRAP=kafka-0.kafka:9092 ./k8s/kafka-topics.sh
#   BOOTSTRAP=... KAFKA_OPTS=... ./k8s/kafka-topics.sh --command-config client-ssl.properties
# Replication 3 with min.insync.replicas 2: the producers use acks=all, so one broker may be down.
set -euo pipefail
: "${BOOTSTRAP:?set BOOTSTRAP to the brokers, host:port[,host:port]}"
KAFKA_TOPICS="${KAFKA_TOPICS:-kafka-topics.sh}"
DAY=86400000

topic() { # name partitions retention-ms [extra --config ...]
  local name="$1" partitions="$2" retention="$3"; shift 3
  "$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" "${EXTRA_ARGS[@]}" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor 3 \
    --config min.insync.replicas=2 --config retention.ms="$retention" "$@"
}
EXTRA_ARGS=("$@")

# spec §5.1: the Observatory's topics, keyed by session id, snappy from the producer
topic llm.prompts.v1   12 $((7 * DAY))  --config compression.type=snappy
topic llm.responses.v1 12 $((7 * DAY))  --config compression.type=snappy
topic llm.sessions.v1   4 $((30 * DAY)) --config compression.type=snappy
# dead letters: originals up to kafka.dlq.max-request-size (16 MiB) plus headers; kept long
# enough for manual review and replay (README, "Stage 1")
topic llm.dlq.v1        4 $((30 * DAY)) --config compression.type=producer \
  --config max.message.bytes=16842752
# events that went on with partial data, for the re-enrichment job (hourly); a week of slack
topic llm.reenrich.v1   4 $((7 * DAY))  --config compression.type=producer \
  --config max.message.bytes=16842752
# writes a store could not take, for the reconciliation job (every 15 min)
topic llm.reconcile.v1  4 $((14 * DAY)) --config compression.type=producer \
  --config max.message.bytes=16842752
