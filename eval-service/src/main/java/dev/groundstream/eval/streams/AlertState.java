package dev.groundstream.eval.streams;

import dev.groundstream.avro.QualityAlert;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Per rule: the trailing baseline (exponentially weighted mean of the previous windows' values, so
 * old windows fade out without keeping them), how many windows fed it, and the last alert raised
 * (kept for the dashboard's "recent alerts").
 */
public record AlertState(double baseline, long windows, QualityAlert lastAlert) {
  private static final InternalAvroSerde<QualityAlert> ALERTS = new InternalAvroSerde<>(QualityAlert.class);

  public static AlertState initial() {
    return new AlertState(Double.NaN, 0, null);
  }

  public AlertState fold(double value, double alpha, QualityAlert raised) {
    double next = windows == 0 ? value : alpha * value + (1 - alpha) * baseline;
    return new AlertState(next, windows + 1, raised != null ? raised : lastAlert);
  }

  public byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeDouble(baseline);
      out.writeLong(windows);
      byte[] alert = lastAlert == null ? new byte[0] : ALERTS.encode(lastAlert);
      out.writeInt(alert.length);
      out.write(alert);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static AlertState decode(byte[] data) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
      double baseline = in.readDouble();
      long windows = in.readLong();
      byte[] alert = new byte[in.readInt()];
      in.readFully(alert);
      return new AlertState(baseline, windows, alert.length == 0 ? null : ALERTS.decode(alert));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
