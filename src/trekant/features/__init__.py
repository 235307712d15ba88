"""The published spatial layers (OGC API Features collections): what they are, who sees which rows,
and how a page of them is read from either backend."""
