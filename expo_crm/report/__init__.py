from . import expo_booking_pace_report
from . import expo_contract_report
