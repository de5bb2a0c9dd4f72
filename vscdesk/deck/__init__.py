"""The presentation as an editable PowerPoint deck (python-pptx); no Qt."""
