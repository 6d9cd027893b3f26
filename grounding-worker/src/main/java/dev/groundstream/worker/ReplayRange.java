package dev.groundstream.worker;

import dev.groundstream.avro.GroundingRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Replay of grounding.requests between two event times: from the first offset whose timestamp is
 * at or after {@code from} (empty: the beginning) up to, not including, the first offset at or
 * after {@code to} (empty: the end offsets when the replay starts). The worker stops when done.
 *
 * <p>With {@code dataset}, only requests whose {@code GroundingRequest.dataset} equals it are
 * grounded; the others in the range are skipped (their offsets still commit, no result, no dead
 * letter) and count as done for the progress.
 */
public record ReplayRange(Optional<Instant> from, Optional<Instant> to, Optional<String> dataset) {
  public ReplayRange {
    from = from == null ? Optional.empty() : from;
    to = to == null ? Optional.empty() : to;
    // a blank name would match nothing useful: treat it as "no filter"
    dataset = dataset == null ? Optional.empty() : dataset.filter(d -> !d.isBlank());
  }

  /** All datasets: the constructor callers used before the dataset filter existed. */
  public ReplayRange(Optional<Instant> from, Optional<Instant> to) {
    this(from, to, Optional.empty());
  }

  public static ReplayRange all() {
    return new ReplayRange(Optional.empty(), Optional.empty());
  }

  /** The same time range, restricted to one dataset ({@code null} or blank: every dataset). */
  public ReplayRange withDataset(String name) {
    return new ReplayRange(from, to, Optional.ofNullable(name));
  }

  /** Whether the replay grounds {@code request}: no filter, or its dataset is the filter's. */
  public boolean includes(GroundingRequest request) {
    return dataset.isEmpty() || dataset.get().equals(request.getDataset());
  }

  /** "beginning" or an ISO-8601 instant. */
  public static Optional<Instant> parseTime(String text) {
    if (text == null || text.isBlank() || text.equalsIgnoreCase("beginning") || text.equalsIgnoreCase("end")) {
      return Optional.empty();
    }
    return Optional.of(Instant.parse(text));
  }
}
