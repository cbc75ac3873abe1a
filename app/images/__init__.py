"""Qt-free image handling: probing what a file really is, intake fixes, quality signals."""
