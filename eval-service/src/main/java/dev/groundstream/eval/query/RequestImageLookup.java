package dev.groundstream.eval.query;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.avro.ImageRef;
import dev.groundstream.eval.streams.StoreNames;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A request's image for the viewer, as a JSON envelope that crosses instances unchanged:
 * {@code {"status":200,"contentType":..,"data":base64}}, or {@code {"status":404|403,"error":..}} when
 * the request is unknown/expired or its image is not servable (not inline and not a file inside blob-dir).
 */
final class RequestImageLookup {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final StoreAccess stores;
  private final BlobDirectory blobs;

  RequestImageLookup(StoreAccess stores, BlobDirectory blobs) {
    this.stores = stores;
    this.blobs = blobs;
  }

  ObjectNode envelope(UUID requestId) {
    ReadOnlyWindowStore<String, ImageRef> store = stores.windowStore(StoreNames.REQUEST_IMAGES);
    ImageRef image = null;
    try (WindowStoreIterator<ImageRef> it = store.backwardFetch(requestId.toString(), Instant.EPOCH,
        Instant.ofEpochMilli(Long.MAX_VALUE))) {
      if (it.hasNext()) {
        image = it.next().value; // the newest entry of this request
      }
    }
    if (image == null) {
      return error(404, "no image for request " + requestId + " (unknown or older than image-retention)");
    }
    Optional<byte[]> bytes = image.getInline() != null ? Optional.of(toArray(image.getInline()))
        : blobs.read(image.getUri());
    if (bytes.isEmpty()) {
      return error(403, "the image of request " + requestId + " is not inline and not a file inside blob-dir;"
          + " it is not served");
    }
    ObjectNode node = NODES.objectNode();
    node.put("status", 200);
    node.put("contentType", image.getContentType());
    node.put("data", Base64.getEncoder().encodeToString(bytes.get()));
    return node;
  }

  private static byte[] toArray(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }

  private static ObjectNode error(int status, String message) {
    ObjectNode node = NODES.objectNode();
    node.put("status", status);
    node.put("error", message);
    return node;
  }
}
