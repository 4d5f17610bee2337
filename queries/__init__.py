"""queries: built in later issues."""
