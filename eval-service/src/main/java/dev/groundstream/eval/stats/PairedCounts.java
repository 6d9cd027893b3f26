package dev.groundstream.eval.stats;

/**
 * The 2x2 table of a paired comparison of models A and B on the same items. Pairs can be added and
 * removed, so a streaming comparison stays exact when an evaluation is replaced.
 */
public final class PairedCounts {

    private long bothRight;
    private long onlyA;
    private long onlyB;
    private long bothWrong;

    public PairedCounts() {
    }

    public PairedCounts(long bothRight, long onlyA, long onlyB, long bothWrong) {
        if (bothRight < 0 || onlyA < 0 || onlyB < 0 || bothWrong < 0) {
            throw new IllegalArgumentException("counts must be non-negative");
        }
        this.bothRight = bothRight;
        this.onlyA = onlyA;
        this.onlyB = onlyB;
        this.bothWrong = bothWrong;
    }

    public PairedCounts add(boolean aRight, boolean bRight) {
        change(aRight, bRight, +1);
        return this;
    }

    /** @throws IllegalStateException when that cell is already 0 (the pair was never added) */
    public PairedCounts remove(boolean aRight, boolean bRight) {
        change(aRight, bRight, -1);
        return this;
    }

    private void change(boolean aRight, boolean bRight, int delta) {
        if (aRight && bRight) {
            bothRight = checked(bothRight + delta);
        } else if (aRight) {
            onlyA = checked(onlyA + delta);
        } else if (bRight) {
            onlyB = checked(onlyB + delta);
        } else {
            bothWrong = checked(bothWrong + delta);
        }
    }

    private static long checked(long count) {
        if (count < 0) {
            throw new IllegalStateException("removing a pair that was never added");
        }
        return count;
    }

    public long bothRight() {
        return bothRight;
    }

    public long onlyA() {
        return onlyA;
    }

    public long onlyB() {
        return onlyB;
    }

    public long bothWrong() {
        return bothWrong;
    }

    public long pairs() {
        return bothRight + onlyA + onlyB + bothWrong;
    }
}
