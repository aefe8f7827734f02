"""The rules of an LKjIP as pure functions (DESIGN §4)."""
