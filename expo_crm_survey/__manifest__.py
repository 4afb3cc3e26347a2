# Copyright 2026 Expo CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Expo CRM Survey",
    "summary": "Satisfaction and NPS surveys tied to exhibition participations",
    "version": "18.0.1.0.0",
    "category": "Marketing/Surveys",
    "website": "https://github.com/expo-crm/expo-crm",
    "author": "Expo CRM contributors",
    "maintainers": ["expo-crm"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["expo_crm", "survey"],
    "data": [],
}
