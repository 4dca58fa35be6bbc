"""kg: Chinese local news articles to a knowledge graph of officials, places, bodies and programs."""

__version__ = "0.1.0"
