"""What leaves the diary for someone else: the doctor's report (PDF) and the FHIR R4 export."""
