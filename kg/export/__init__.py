"""Exporters that write a build's knowledge graph in standard formats."""
