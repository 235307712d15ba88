"""The audit log: who changed what, when and from where; listed, filtered and exported by the administrator."""
