"""The canonical model: every other package reads and writes these types."""
