// The baseline for CLI start-up: a Swift binary that does nothing.
