package dev.groundstream.worker;

import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumed record waiting for its batch, with its preparation running on the pool. */
record PendingRequest(ConsumerRecord<byte[], byte[]> record, long receivedNanos, Future<PreparedRequest> prepared) {}
