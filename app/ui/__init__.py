"""Everything Qt. Thin: binds widgets to the Qt-free core and runs slow work off the GUI thread."""
