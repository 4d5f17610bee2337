"""Named read errors, so tests and docs can cite them (``ReadError.code``)."""

UNSUPPORTED = "unsupported file type"
EMPTY = "empty file"
BINARY = "binary data, not a text document"
CORRUPT = "corrupt or truncated file"
UNDECODABLE = "text in an unknown encoding"
NOT_FOUND = "no such file or directory"
NO_TEXT = "no text layer (scanned image?)"
