"""xlkip: compile Chapter III of an Indonesian LKjIP from staff-filled Excel templates."""

__version__ = "0.1.0"
