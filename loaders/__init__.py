"""Files to text (one reader per format), text to the canonical model (one extractor per fact)."""
