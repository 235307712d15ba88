"""Strengths and growth: indicators, Statistics Denmark formats and regional-economics analyses.

Pure core: periods, breakdown, panel, growth, claim, location, shiftshare, specialisation, demo.
io/: StatBank CSV, PC-Axis, JSON-stat readers and the StatBank API client. repo/service: the store.
"""
