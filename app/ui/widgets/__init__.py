"""Small shared widgets: validation marks, status icons, dates, thumbnails."""
