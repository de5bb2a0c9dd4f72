"""The Qt backend of the display list: QPainter painting and PNG/PDF/SVG files.

Shared by the canvas, the panels (the activity loop picture) and the command line, so none
of them needs to import another.
"""
