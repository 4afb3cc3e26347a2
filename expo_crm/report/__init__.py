from . import expo_booking_pace_report
