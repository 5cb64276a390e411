/**
 * Documents as PDF: XHTML (from the modules' Thymeleaf templates) rendered by openhtmltopdf with an
 * embedded DejaVu Sans, for the høringsnotat and the managers' evaluation. Ground floor: uses nothing
 * of ours.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents", allowedDependencies = {})
package dk.borgerflow.documents;
