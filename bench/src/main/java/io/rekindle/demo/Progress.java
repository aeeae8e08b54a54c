package io.rekindle.demo;

import java.io.PrintStream;

/**
 * A progress bar per phase: redrawn in place on a terminal; on a log (no console) a line at every tenth, so CI output
 * stays short.
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private String phase;
    private long total;
    private long shown = -1;
    private long started;

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void start(String phase, long total) {
        this.phase = phase;
        this.total = Math.max(1, total);
        this.shown = -1;
        this.started = System.nanoTime();
        show(0, "");
    }

    void show(long done, String detail) {
        long permille = Math.min(1000, done * 1000 / total);
        if (terminal) {
            if (permille != shown) {
                int filled = (int) (permille * WIDTH / 1000);
                out.printf("\r  %-30s [%s%s] %3d%%  %s\u001B[K", phase, "#".repeat(filled), ".".repeat(WIDTH - filled),
                        permille / 10, detail);
                out.flush();
            }
        } else if (permille / 100 != shown / 100 || shown < 0) {
            out.printf("  %-30s %3d%%  %s%n", phase, permille / 10, detail);
        }
        shown = permille;
    }

    void done(String summary) {
        show(total, "");
        double seconds = (System.nanoTime() - started) / 1e9;
        if (terminal) {
            out.printf("\r  %-30s [%s] done in %.0f s  %s\u001B[K%n", phase, "#".repeat(WIDTH), seconds, summary);
        } else {
            out.printf("  %-30s done in %.0f s  %s%n", phase, seconds, summary);
        }
    }
}
