package dev.groundstream.eval.streams;

import dev.groundstream.avro.ModelKey;
import dev.groundstream.avro.QualityAlert;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Judges closed windows (the input is suppressed until each window closes, so every window is seen
 * once, final) against the configured rules and each rule's own trailing baseline, and raises a
 * QualityAlert. Alert ids are name-based on (rule, window), so reprocessing raises the same id.
 */
public final class AlertProcessor<V> implements Processor<Windowed<String>, V, ModelKey, QualityAlert> {
  private final String storeName;
  private final Map<String, AlertRule> rulesBySignal;
  private final double baselineAlpha;
  private final BiFunction<Windowed<String>, V, List<AlertObservation>> observe;
  private final EvalCounters counters;
  private ProcessorContext<ModelKey, QualityAlert> context;
  private KeyValueStore<String, AlertState> states;

  public AlertProcessor(String storeName, Map<String, AlertRule> rulesBySignal, double baselineAlpha,
      BiFunction<Windowed<String>, V, List<AlertObservation>> observe, EvalCounters counters) {
    this.storeName = storeName;
    this.rulesBySignal = rulesBySignal;
    this.baselineAlpha = baselineAlpha;
    this.observe = observe;
    this.counters = counters;
  }

  @Override
  public void init(ProcessorContext<ModelKey, QualityAlert> context) {
    this.context = context;
    this.states = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<Windowed<String>, V> record) {
    if (record.value() == null) {
      return;
    }
    for (AlertObservation observation : observe.apply(record.key(), record.value())) {
      AlertRule rule = rulesBySignal.get(observation.signal());
      if (rule == null || observation.samples() < rule.minSamples() || !Double.isFinite(observation.value())) {
        continue;
      }
      AlertState state = states.get(observation.ruleKey());
      if (state == null) {
        state = AlertState.initial();
      }
      QualityAlert alert = judge(rule, state, observation);
      if (alert != null) {
        counters.alertRaised();
        // Record time = when raised, so topic retention counts from then, also for replayed history.
        context.forward(new Record<>(new ModelKey(observation.model()), alert, alert.getRaisedAt().toEpochMilli()));
      }
      states.put(observation.ruleKey(), state.fold(observation.value(), baselineAlpha, alert));
    }
  }

  private QualityAlert judge(AlertRule rule, AlertState state, AlertObservation o) {
    if (rule.floorEnabled() && o.value() < rule.floor()) {
      return alert(o, rule.floor(), state.windows() > 0 ? state.baseline() : null,
          String.format(Locale.ROOT, "%s of %s on %s (%s) is %.4f, below the floor %.4f",
              o.signal(), o.model(), o.dataset(), o.category(), o.value(), rule.floor()));
    }
    if (rule.marginEnabled() && state.windows() >= rule.minBaselineWindows()
        && o.value() < state.baseline() - rule.margin()) {
      double threshold = state.baseline() - rule.margin();
      return alert(o, threshold, state.baseline(),
          String.format(Locale.ROOT, "%s of %s on %s (%s) is %.4f, below its trailing baseline %.4f minus %.4f",
              o.signal(), o.model(), o.dataset(), o.category(), o.value(), state.baseline(), rule.margin()));
    }
    return null;
  }

  private QualityAlert alert(AlertObservation o, double threshold, Double baseline, String message) {
    UUID id = UUID.nameUUIDFromBytes((o.ruleKey() + CompositeKeys.SEP + o.windowStart())
        .getBytes(StandardCharsets.UTF_8));
    return QualityAlert.newBuilder()
        .setAlertId(id)
        .setModel(o.model())
        .setDataset(o.dataset())
        .setCategory(o.category())
        .setSignal(o.signal())
        .setWindowStart(Instant.ofEpochMilli(o.windowStart()))
        .setWindowEnd(Instant.ofEpochMilli(o.windowEnd()))
        .setObserved(o.value())
        .setThreshold(threshold)
        .setBaseline(baseline)
        .setMessage(message)
        .setRaisedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
        .build();
  }
}
