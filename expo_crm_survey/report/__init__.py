from . import expo_survey_report
from . import expo_survey_dimension_report
from . import expo_survey_campaign_xlsx
