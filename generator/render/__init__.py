"""Rendering: IR in, source strings out. Nothing here touches the file system."""
