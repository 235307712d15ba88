"""The joint municipal plan (fælles kommuneplan): one plan register across the borders.

Plan frames keep Plandata.dk's attribute names; imports validate everything first and write all
or nothing; checks find cross-border environmental conflicts, unequal conditions and overlaps.
"""
