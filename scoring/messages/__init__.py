"""The message catalogue, one module per concern; each defines MESSAGES = {key: (id, en)}."""
