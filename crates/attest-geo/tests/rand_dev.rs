//! Accuracy on ../shared RAND dev (skipped when the data is missing).
