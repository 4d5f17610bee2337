"""viz: built in later issues."""
