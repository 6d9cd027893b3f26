package dev.groundstream.launcher.journey;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares which README.md command blocks a test exercises, by the id of the
 * {@code <!-- journey: ID -->} line above each ```bash block. {@link ReadmeCoverageTest} fails
 * when a block has no test that declares it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CoversReadme {
  String[] value();
}
