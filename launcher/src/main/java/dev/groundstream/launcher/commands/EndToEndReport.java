package dev.groundstream.launcher.commands;

import dev.groundstream.launcher.bench.EndToEndBenchmark;
import dev.groundstream.launcher.bench.Percentiles;
import java.io.PrintStream;

/** Prints an end-to-end benchmark result as the Markdown tables of docs/benchmarks/end-to-end.md. */
final class EndToEndReport {
  private final PrintStream out;

  EndToEndReport(PrintStream out) {
    this.out = out;
  }

  private void row(String label, Percentiles p) {
    if (p != null) {
      out.printf("| %s | %d / %d / %d / %d |%n", label, p.at(50), p.at(90), p.at(99), p.max());
    }
  }

  void print(EndToEndBenchmark.Result r) {
    EndToEndBenchmark.Latency l = r.latency();
    out.printf("%n### %s (consumer group %s; local mode started in %.1f s; %d warm-up uploads)%n%n",
        r.model(), r.group(), r.startSeconds(), r.warmup());
    out.println("| latency phase | value |");
    out.println("|---|---|");
    out.printf("| uploads sent / accepted (202) / on the topic / 200 from the API | %d / %d / %d / %d |%n",
        l.sent(), l.accepted(), l.evaluated(), l.apiVisible());
    out.printf("| offered rate / achieved rate (uploads/s) | %.2f / %.2f |%n", l.offeredRate(), l.achievedRate());
    row("202 -> first 200 of GET /api/evaluations/{id}, polled every 50 ms: p50 / p90 / p99 / max (ms)", l.apiMillis());
    row("202 -> evaluation read on grounding.evaluations: p50 / p90 / p99 / max (ms)", l.millis());
    row("POST sent -> 202 answer (the ingest API alone): p50 / p90 / p99 / max (ms)", l.postToAccepted());
    row("POST sent -> first 200 from the API: p50 / p90 / p99 / max (ms)", l.postToApi());
    out.println();
    out.println("| step rate (uploads/s) | uploads | accepted (202/s) | worker lag, one sample a second (records) | verdict | worker got through (/s) |");
    out.println("|---|---|---|---|---|---|");
    double sustained = 0;
    for (EndToEndBenchmark.Step s : r.steps()) {
      out.printf("| %.1f | %d | %.2f | %s | %s | %.2f |%n", s.rate(), s.sent(), s.acceptedPerSecond(),
          s.lagSamples().toString().replace(",", ""), s.bounded() ? "keeps up" : "falls behind", s.processedPerSecond());
      if (s.bounded()) {
        sustained = Math.max(sustained, s.rate());
      }
    }
    out.printf("%nHighest step rate at which the system keeps up (lag bounded, intake >= 90%% of offered): %s%n",
        sustained > 0 ? String.format("%.1f uploads/s", sustained) : "none of the steps");
  }
}
