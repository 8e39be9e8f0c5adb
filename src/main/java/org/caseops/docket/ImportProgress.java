package org.caseops.docket;

/** Told how far an import has read, for a progress bar. */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
    };

    default void start(long totalBytes) {
    }

    default void step(String what) {
    }

    default void advance(long bytes) {
    }
}
