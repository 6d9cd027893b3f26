package dev.groundstream.launcher.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The bookkeeping of {@code bench chaos}: the request ids the broker acknowledged and every
 * committed result seen for them, per (request, model). Lost: an accepted request without any
 * result; duplicated: every result beyond the first for the same request and model.
 */
public final class ChaosTally {
  private final Set<String> accepted = new HashSet<>();
  private final Map<String, Integer> resultsByRequestModel = new HashMap<>();
  private final Set<String> answered = new HashSet<>();
  private int sent;

  public synchronized void sent() {
    sent++;
  }

  public synchronized void accepted(String requestId) {
    accepted.add(requestId);
  }

  /** A committed result; ids of other runs are ignored. */
  public synchronized void result(String requestId, String modelId) {
    if (!accepted.contains(requestId)) {
      return;
    }
    resultsByRequestModel.merge(requestId + " " + modelId, 1, Integer::sum);
    answered.add(requestId);
  }

  public synchronized boolean complete() {
    return answered.size() == accepted.size();
  }

  public synchronized Report report() {
    int duplicated = resultsByRequestModel.values().stream().mapToInt(n -> n - 1).sum();
    return new Report(sent, accepted.size(), accepted.size() - answered.size(), duplicated);
  }

  /** sent, accepted (acknowledged by the broker), lost (no result), duplicated (extra results). */
  public record Report(int sent, int accepted, int lost, int duplicated) {
    public boolean clean() {
      return sent == accepted && lost == 0 && duplicated == 0;
    }
  }
}
