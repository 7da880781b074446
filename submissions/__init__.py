"""Reports due (报送): the office asks units for a report by a date; each unit submits, late
or on time."""
