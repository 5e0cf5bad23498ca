"""Presenters: the wording of reports and records, in one Qt-free place (no reportlab
either) that the command line, the window and printing all render.

A presenter turns typed rows from ``antt_desktop.services`` into titled sections of
labelled values in the chosen language: the labels, their order, the period phrase and the
units are decided here; each caller only lays them out (text lines, Qt/HTML, a PDF).
"""
